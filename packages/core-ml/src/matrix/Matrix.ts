/** A dense row-major matrix of float64 values. */
export interface Matrix {
  readonly rows: number;
  readonly columns: number;
  readonly data: Float64Array;
}

export function createMatrix(rows: number, columns: number, data?: Float64Array): Matrix {
  if (data && data.length !== rows * columns) {
    throw new RangeError(
      `data must hold rows * columns = ${rows * columns} values, got ${data.length}`,
    );
  }

  return { rows, columns, data: data ?? new Float64Array(rows * columns) };
}

export function matrixFromRows(rows: readonly (readonly number[])[]): Matrix {
  const columns = rows[0]?.length ?? 0;
  const matrix = createMatrix(rows.length, columns);
  rows.forEach((row, i) => {
    if (row.length !== columns) {
      throw new RangeError(`row ${i} has ${row.length} values, expected ${columns}`);
    }

    matrix.data.set(row, i * columns);
  });

  return matrix;
}

export function matrixToRows(matrix: Matrix): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < matrix.rows; i++) {
    rows.push(Array.from(matrix.data.subarray(i * matrix.columns, (i + 1) * matrix.columns)));
  }

  return rows;
}

export function selectRows(matrix: Matrix, indices: readonly number[]): Matrix {
  const selected = createMatrix(indices.length, matrix.columns);
  indices.forEach((row, i) => {
    const start = row * matrix.columns;
    selected.data.set(matrix.data.subarray(start, start + matrix.columns), i * matrix.columns);
  });

  return selected;
}

export function selectColumns(matrix: Matrix, indices: readonly number[]): Matrix {
  const selected = createMatrix(matrix.rows, indices.length);
  for (let i = 0; i < matrix.rows; i++) {
    indices.forEach((column, j) => {
      selected.data[i * indices.length + j] = matrix.data[i * matrix.columns + column] ?? NaN;
    });
  }

  return selected;
}

export function getColumn(matrix: Matrix, column: number): Float64Array {
  const values = new Float64Array(matrix.rows);
  for (let i = 0; i < matrix.rows; i++) {
    values[i] = matrix.data[i * matrix.columns + column] ?? NaN;
  }

  return values;
}
