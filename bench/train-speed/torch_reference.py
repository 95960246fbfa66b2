"""Time Adam steps of the 6-20-6-17 network in PyTorch on one CPU thread.

The model and training step are those of packages/core-ml's engines: dense -> BatchNorm1d
(eps 1e-5, momentum 0.1) -> ReLU per hidden layer, a dense output layer, loss-weighted
MSE, and Adam with coupled weight_decay (L2). One difference does not affect speed:
PyTorch updates the running variance with the unbiased batch variance, TensorFlow.js
with the biased one. Prints one JSON object with wall-clock and CPU microseconds per
step on stdout.
"""

import argparse
import json
import time

import torch


def build_model(inputs: int, hidden: list[int], outputs: int) -> torch.nn.Sequential:
    layers: list[torch.nn.Module] = []
    fan_in = inputs
    for units in hidden:
        layers += [
            torch.nn.Linear(fan_in, units),
            torch.nn.BatchNorm1d(units, eps=1e-5, momentum=0.1),
            torch.nn.ReLU(),
        ]
        fan_in = units
    layers.append(torch.nn.Linear(fan_in, outputs))
    return torch.nn.Sequential(*layers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", type=int, default=80, help="training rows")
    parser.add_argument("--batch-size", type=int, default=10, help="rows per Adam step")
    parser.add_argument("--steps", type=int, default=4000, help="timed Adam steps")
    parser.add_argument("--warmup-steps", type=int, default=400, help="untimed Adam steps first")
    args = parser.parse_args()

    torch.set_num_threads(1)
    torch.manual_seed(0)
    inputs, hidden, outputs = 6, [20, 6], 17
    x = torch.randn(args.samples, inputs)
    y = torch.randn(args.samples, outputs)
    loss_weights = torch.rand(outputs)
    loss_weights /= loss_weights.sum()
    model = build_model(inputs, hidden, outputs)
    model.train()
    optimizer = torch.optim.Adam(
        model.parameters(), lr=10**-3.33, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2
    )

    def run(steps: int) -> None:
        done = 0
        while done < steps:
            order = torch.randperm(args.samples)
            for start in range(0, args.samples, args.batch_size):
                if done == steps:
                    return
                batch = order[start : start + args.batch_size]
                optimizer.zero_grad()
                predicted = model(x[batch])
                loss = (((predicted - y[batch]) ** 2).mean(dim=0) * loss_weights).sum()
                loss.backward()
                optimizer.step()
                done += 1

    run(args.warmup_steps)
    started = time.perf_counter()
    cpu_started = time.process_time()
    run(args.steps)
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    print(
        json.dumps(
            {
                "engine": "pytorch",
                "torch": torch.__version__,
                "threads": torch.get_num_threads(),
                "steps": args.steps,
                "microsecondsPerStep": seconds / args.steps * 1e6,
                "cpuMicrosecondsPerStep": cpu_seconds / args.steps * 1e6,
            }
        )
    )


if __name__ == "__main__":
    main()
