import { createMatrix, type Matrix } from "../matrix/Matrix.js";

/** Per-column mean and scale of a z-score transform, as in scikit-learn's StandardScaler. */
export interface StandardScaler {
  mean: number[];
  /** Population standard deviation; 1 for a constant column so that it maps to 0. */
  scale: number[];
}

/** Fits a scaler on the given rows only, so that test rows never inform it. */
export function fitStandardScaler(matrix: Matrix): StandardScaler {
  if (matrix.rows === 0) {
    throw new RangeError("matrix must have at least one row to fit a scaler");
  }

  const mean = new Array<number>(matrix.columns).fill(0);
  const squares = new Array<number>(matrix.columns).fill(0);
  for (let i = 0; i < matrix.rows; i++) {
    for (let j = 0; j < matrix.columns; j++) {
      mean[j] = (mean[j] ?? 0) + (matrix.data[i * matrix.columns + j] ?? 0) / matrix.rows;
    }
  }

  for (let i = 0; i < matrix.rows; i++) {
    for (let j = 0; j < matrix.columns; j++) {
      const deviation = (matrix.data[i * matrix.columns + j] ?? 0) - (mean[j] ?? 0);
      squares[j] = (squares[j] ?? 0) + deviation * deviation;
    }
  }

  const scale = squares.map((sum) => {
    const sd = Math.sqrt(sum / matrix.rows);

    return sd > 0 ? sd : 1;
  });

  return { mean, scale };
}

export function scaleMatrix(matrix: Matrix, scaler: StandardScaler): Matrix {
  return mapColumns(matrix, (value, j) => (value - (scaler.mean[j] ?? 0)) / (scaler.scale[j] ?? 1));
}

export function unscaleMatrix(matrix: Matrix, scaler: StandardScaler): Matrix {
  return mapColumns(matrix, (value, j) => value * (scaler.scale[j] ?? 1) + (scaler.mean[j] ?? 0));
}

function mapColumns(matrix: Matrix, map: (value: number, column: number) => number): Matrix {
  if (matrix.columns === 0) {
    return createMatrix(matrix.rows, 0);
  }

  const mapped = createMatrix(matrix.rows, matrix.columns);
  matrix.data.forEach((value, index) => {
    mapped.data[index] = map(value, index % matrix.columns);
  });

  return mapped;
}
