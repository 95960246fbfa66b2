"""Repeat packages/core-ml's network trainings in PyTorch from the same start.

Each job of the input JSON (written by buildReplayJobs.ts) contains scaled training rows,
the network options, the fused engine's initial weights, its batch order for every epoch,
and its scaled predictions for every sample after training. This script loads the same
initial weights into the PyTorch network of reference_protocol.py and trains it on the same
batches with the same Adam settings. It reports the largest absolute difference between
its predictions and the engine's, in z-score units of the targets. It trains every job in
four variants: float64 or float32, and BatchNorm1d's running variance following the biased
batch variance (as the engine does) or the unbiased one (stock PyTorch).

Output: one JSON object on stdout.
"""

import argparse
import json
import sys

import torch

from reference_protocol import build_network

VARIANTS = (
    ("float64", "biased"),
    ("float32", "biased"),
    ("float64", "unbiased"),
    ("float32", "unbiased"),
)


def load_weights(model: torch.nn.Sequential, predictor: dict) -> None:
    """Copy a NetworkPredictor into the model.

    The predictor stores kernels as [inputs][units], torch.nn.Linear as [units][inputs].
    """
    dtype = next(model.parameters()).dtype

    def tensor(values: list) -> torch.Tensor:
        return torch.tensor(values, dtype=dtype)

    linears = [layer for layer in model if isinstance(layer, torch.nn.Linear)]
    norms = [layer for layer in model if isinstance(layer, torch.nn.BatchNorm1d)]
    with torch.no_grad():
        for linear, norm, block in zip(linears, norms, predictor["hidden"]):
            linear.weight.copy_(tensor(block["dense"]["kernel"]).T)
            linear.bias.copy_(tensor(block["dense"]["bias"]))
            norm.weight.copy_(tensor(block["batchNorm"]["gamma"]))
            norm.bias.copy_(tensor(block["batchNorm"]["beta"]))
            norm.running_mean.copy_(tensor(block["batchNorm"]["movingMean"]))
            norm.running_var.copy_(tensor(block["batchNorm"]["movingVariance"]))
        linears[-1].weight.copy_(tensor(predictor["output"]["kernel"]).T)
        linears[-1].bias.copy_(tensor(predictor["output"]["bias"]))


def replay(job: dict, dtype: torch.dtype, moving_variance: str) -> float:
    """Train one job in PyTorch and return max |PyTorch - engine| over the scaled predictions."""
    options = job["options"]
    x = torch.tensor(job["x"], dtype=dtype)
    y = torch.tensor(job["y"], dtype=dtype)
    model = build_network(x.shape[1], options["hiddenUnits"], y.shape[1], moving_variance)
    model = model.to(dtype)
    load_weights(model, job["initial"])
    weights = torch.tensor(options["lossWeights"], dtype=dtype)
    weights = weights / weights.sum()
    optimizer = torch.optim.Adam(
        model.parameters(),
        lr=options["learningRate"],
        betas=(0.9, 0.999),
        eps=1e-8,
        weight_decay=options["weightDecay"],
    )
    batch_size = options["batchSize"]
    model.train()
    for order in job["batchOrders"]:
        for start in range(0, len(order), batch_size):
            batch = order[start : start + batch_size]
            optimizer.zero_grad()
            squared = (model(x[batch]) - y[batch]) ** 2
            (squared.mean(dim=0) * weights).sum().backward()
            optimizer.step()
    model.eval()
    with torch.no_grad():
        predicted = model(torch.tensor(job["evaluateX"], dtype=dtype)).double()
    return float((predicted - torch.tensor(job["predicted"], dtype=torch.float64)).abs().max())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--jobs", required=True, help="JSON list of jobs from buildReplayJobs.ts")
    parser.add_argument("--threads", type=int, default=1, help="torch.set_num_threads")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    with open(args.jobs, encoding="utf-8") as handle:
        jobs = json.load(handle)

    dtypes = {"float64": torch.float64, "float32": torch.float32}
    results = []
    for job in jobs:
        differences = {
            f"{dtype}, {moving}": replay(job, dtypes[dtype], moving) for dtype, moving in VARIANTS
        }
        results.append(
            {"model": job["model"], "repetition": job["repetition"], "maxDifference": differences}
        )
    json.dump({"torch": torch.__version__, "jobs": results}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
