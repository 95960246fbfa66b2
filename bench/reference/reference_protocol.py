"""Evaluate the REE models with PyTorch and scikit-learn on given train/test splits.

This is an independent implementation of the evaluation protocol of packages/core-ml
(Y. Song et al., Mater. Horiz. 11 (2024) 1448), used to check that implementation's
figures. For each split it fits StandardScaler on the training rows (features and
targets), then fits:

- LINEAR: scikit-learn LinearRegression on the scaled features and targets;
- SINGLE_TASK: a network on the total REE alone;
- MULTI_TASK_EQUAL and MULTI_TASK_MEAN: one network on every target, with loss weights
  1 or the targets' means on the training rows (in their own units);
- RANDOM_FOREST, GRADIENT_BOOSTING and SVR: scikit-learn's RandomForestRegressor,
  GradientBoostingRegressor and SVR on the scaled total REE alone, with the settings of the
  JSON's "baselines" object (scikit-learn's defaults when it is absent).

Each network is input -> [Linear -> BatchNorm1d -> ReLU] per hidden layer -> Linear,
with PyTorch's default initialisation, trained in float32 by Adam with coupled
weight_decay (L2 on every parameter) on shuffled batches, with the loss
sum_j w_j MSE_j / sum_j w_j. The metrics are R2 and MAPE (%) of the total REE (the first
target) on the training and test rows, per split, computed by scikit-learn.

Input: the data CSV, and a JSON file with the columns, network settings and splits:
{"features": [...], "targets": [...], "network": {"hiddenUnits": [20, 6],
"learningRate": ..., "weightDecay": ..., "batchSize": 10, "epochs": 500},
"baselines": {"randomForest": {...}, "gradientBoosting": {...}, "svr": {...}},
"splits": [{"train": [row, ...], "test": [row, ...]}, ...]}. Row indices count the CSV's
data rows from 0. Output: one JSON object on stdout with the per-split metrics and their
mean and sample sd (ddof 1) for each model.
"""

import argparse
import csv
import json
import sys
import time

import numpy as np
import sklearn
import torch
from sklearn.ensemble import GradientBoostingRegressor, RandomForestRegressor
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_percentage_error, r2_score
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVR

MODELS = (
    "LINEAR",
    "SINGLE_TASK",
    "MULTI_TASK_EQUAL",
    "MULTI_TASK_MEAN",
    "RANDOM_FOREST",
    "GRADIENT_BOOSTING",
    "SVR",
)

# PyTorch's BatchNorm1d defaults, which the study's network uses.
BATCH_NORM_EPSILON = 1e-5
BATCH_NORM_MOMENTUM = 0.1


class BiasedMovingVarianceBatchNorm(torch.nn.BatchNorm1d):
    """BatchNorm1d whose running variance follows the biased batch variance.

    PyTorch moves running_var towards the unbiased batch variance (divisor n - 1), while
    TensorFlow.js and packages/core-ml's engines use the biased one (divisor n). Training
    is the same, and only inference after training differs. This class isolates that one
    difference when a comparison disagrees.
    """

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not self.training:
            return super().forward(x)
        with torch.no_grad():
            mean = x.mean(dim=0)
            variance = x.var(dim=0, unbiased=False)
            self.running_mean.mul_(1 - self.momentum).add_(self.momentum * mean)
            self.running_var.mul_(1 - self.momentum).add_(self.momentum * variance)
        # With no running statistics, batch_norm normalises by the batch statistics.
        return torch.nn.functional.batch_norm(
            x, None, None, self.weight, self.bias, training=True, eps=self.eps
        )


def build_network(
    inputs: int, hidden: list[int], outputs: int, moving_variance: str
) -> torch.nn.Sequential:
    batch_norm = (
        torch.nn.BatchNorm1d if moving_variance == "unbiased" else BiasedMovingVarianceBatchNorm
    )
    layers: list[torch.nn.Module] = []
    fan_in = inputs
    for units in hidden:
        layers += [
            torch.nn.Linear(fan_in, units),
            batch_norm(units, eps=BATCH_NORM_EPSILON, momentum=BATCH_NORM_MOMENTUM),
            torch.nn.ReLU(),
        ]
        fan_in = units
    layers.append(torch.nn.Linear(fan_in, outputs))
    return torch.nn.Sequential(*layers)


def train_network(
    x: np.ndarray,
    y: np.ndarray,
    loss_weights: np.ndarray,
    network: dict,
    seed: int,
    moving_variance: str,
) -> torch.nn.Sequential:
    """Train on scaled rows x (n x inputs) and y (n x outputs) and return the model in eval mode."""
    torch.manual_seed(seed)
    model = build_network(x.shape[1], network["hiddenUnits"], y.shape[1], moving_variance)
    optimizer = torch.optim.Adam(
        model.parameters(),
        lr=network["learningRate"],
        betas=(0.9, 0.999),
        eps=1e-8,
        weight_decay=network["weightDecay"],
    )
    inputs = torch.tensor(x, dtype=torch.float32)
    targets = torch.tensor(y, dtype=torch.float32)
    weights = torch.tensor(loss_weights / loss_weights.sum(), dtype=torch.float32)
    rows = inputs.shape[0]
    batch_size = network["batchSize"]
    model.train()
    for _ in range(network["epochs"]):
        order = torch.randperm(rows)
        for start in range(0, rows, batch_size):
            batch = order[start : start + batch_size]
            optimizer.zero_grad()
            squared = (model(inputs[batch]) - targets[batch]) ** 2
            loss = (squared.mean(dim=0) * weights).sum()
            loss.backward()
            optimizer.step()
    model.eval()
    return model


def predict_network(model: torch.nn.Sequential, x: np.ndarray) -> np.ndarray:
    with torch.no_grad():
        return model(torch.tensor(x, dtype=torch.float32)).double().numpy()


def read_columns(path: str, names: list[str]) -> np.ndarray:
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    missing = [name for name in names if rows and name not in rows[0]]
    if missing:
        raise SystemExit(f"error: columns {missing} not found in {path}")
    return np.array([[float(row[name]) for name in names] for row in rows], dtype=np.float64)


def score_total(measured: np.ndarray, predicted: np.ndarray, split: dict) -> dict:
    """R2 and MAPE (%) of the first target on the training and the test rows."""
    scores = {}
    for name, rows in (("TRAIN", split["train"]), ("TEST", split["test"])):
        truth = measured[rows, 0]
        guess = predicted[rows, 0]
        scores[name] = {
            "r2": float(r2_score(truth, guess)),
            "mape": float(100 * mean_absolute_percentage_error(truth, guess)),
        }
    return scores


def build_baselines(settings: dict, seed: int) -> dict:
    """The scikit-learn baselines with the workbench's settings, keyed by model name."""
    forest = settings.get("randomForest", {})
    boosting = settings.get("gradientBoosting", {})
    svr = settings.get("svr", {})
    return {
        "RANDOM_FOREST": RandomForestRegressor(
            n_estimators=forest.get("trees", 100),
            max_depth=forest.get("maxDepth"),
            min_samples_split=forest.get("minSamplesSplit", 2),
            max_features=forest.get("maxFeatures", 1.0),
            bootstrap=forest.get("bootstrap", True),
            random_state=seed,
        ),
        "GRADIENT_BOOSTING": GradientBoostingRegressor(
            n_estimators=boosting.get("rounds", 100),
            learning_rate=boosting.get("learningRate", 0.1),
            max_depth=boosting.get("maxDepth", 3),
            min_samples_split=boosting.get("minSamplesSplit", 2),
            subsample=boosting.get("subsample", 1.0),
            random_state=seed,
        ),
        "SVR": SVR(
            kernel=svr.get("kernel", "RBF").lower(),
            C=svr.get("cost", 1.0),
            epsilon=svr.get("epsilon", 0.1),
            gamma=svr.get("gamma") or "scale",
            tol=svr.get("tolerance", 1e-3),
        ),
    }


def evaluate_split(
    x: np.ndarray,
    y: np.ndarray,
    split: dict,
    network: dict,
    baselines: dict,
    seed: int,
    moving_variance: str,
) -> dict:
    """Fit every model on one split and return its scores, keyed by model."""
    train = split["train"]
    feature_scaler = StandardScaler().fit(x[train])
    target_scaler = StandardScaler().fit(y[train])
    scaled_x = feature_scaler.transform(x)
    scaled_y = target_scaler.transform(y)
    predictions = {}

    linear = LinearRegression().fit(scaled_x[train], scaled_y[train])
    predictions["LINEAR"] = target_scaler.inverse_transform(linear.predict(scaled_x))

    # The single-task network learns the total alone, so only the first column's scaler applies.
    single = train_network(
        scaled_x[train], scaled_y[train, :1], np.ones(1), network, seed, moving_variance
    )
    single_total = predict_network(single, scaled_x)[:, 0]
    predictions["SINGLE_TASK"] = (
        single_total * target_scaler.scale_[0] + target_scaler.mean_[0]
    )[:, None]

    weightings = {
        "MULTI_TASK_EQUAL": np.ones(y.shape[1]),
        "MULTI_TASK_MEAN": y[train].mean(axis=0),
    }
    for offset, (kind, weights) in enumerate(weightings.items(), start=1):
        model = train_network(
            scaled_x[train], scaled_y[train], weights, network, seed + offset, moving_variance
        )
        predictions[kind] = target_scaler.inverse_transform(predict_network(model, scaled_x))

    # Like SINGLE_TASK, each baseline learns the scaled total alone.
    for kind, baseline in build_baselines(baselines, seed).items():
        baseline.fit(scaled_x[train], scaled_y[train, 0])
        total = baseline.predict(scaled_x)
        predictions[kind] = (total * target_scaler.scale_[0] + target_scaler.mean_[0])[:, None]

    return {kind: score_total(y, predictions[kind], split) for kind in MODELS}


def summarize(values: list[float]) -> dict:
    array = np.array(values, dtype=np.float64)
    return {
        "mean": float(array.mean()),
        "sd": float(array.std(ddof=1)) if len(array) > 1 else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data", required=True, help="CSV table with the feature and target columns"
    )
    parser.add_argument("--splits", required=True, help="JSON file of columns, network and splits")
    parser.add_argument("--seed", type=int, default=0, help="base seed of torch.manual_seed")
    parser.add_argument(
        "--moving-variance",
        choices=("unbiased", "biased"),
        default="unbiased",
        help="batch variance that BatchNorm1d's running variance follows: PyTorch's "
        "unbiased one (default) or the biased one of TensorFlow.js",
    )
    parser.add_argument("--threads", type=int, default=1, help="torch.set_num_threads")
    args = parser.parse_args()

    with open(args.splits, encoding="utf-8") as handle:
        protocol = json.load(handle)
    x = read_columns(args.data, protocol["features"])
    y = read_columns(args.data, protocol["targets"])
    torch.set_num_threads(args.threads)

    started = time.perf_counter()
    per_split = []
    for index, split in enumerate(protocol["splits"]):
        # 10 seeds per split leave room for the three networks of each.
        seed = args.seed + 10 * index
        per_split.append(
            evaluate_split(
                x,
                y,
                split,
                protocol["network"],
                protocol.get("baselines", {}),
                seed,
                args.moving_variance,
            )
        )
        print(f"split {index + 1}/{len(protocol['splits'])} done", file=sys.stderr)

    models = {}
    for kind in MODELS:
        models[kind] = {}
        for name in ("TRAIN", "TEST"):
            r2 = [scores[kind][name]["r2"] for scores in per_split]
            mape = [scores[kind][name]["mape"] for scores in per_split]
            models[kind][name] = {
                "r2": r2,
                "mape": mape,
                "r2Summary": summarize(r2),
                "mapeSummary": summarize(mape),
            }

    json.dump(
        {
            "torch": torch.__version__,
            "sklearn": sklearn.__version__,
            "movingVariance": args.moving_variance,
            "seconds": time.perf_counter() - started,
            "models": models,
        },
        sys.stdout,
    )
    print()


if __name__ == "__main__":
    main()
