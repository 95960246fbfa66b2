// Types of the parts of ml-cart and libsvm-js that the baselines use; neither package ships its own.

declare module "ml-cart" {
  /** A trained node: inner nodes have both children, leaves a `distribution` (the mean). */
  export interface CartNode {
    splitColumn?: number;
    splitValue?: number;
    left?: CartNode;
    right?: CartNode;
    distribution?: number;
  }

  export interface DecisionTreeRegressionOptions {
    /** A node with this many rows or fewer becomes a leaf. */
    minNumSamples?: number;
    maxDepth?: number;
    /** A split is made only when its summed squared error exceeds this. */
    gainThreshold?: number;
  }

  export class DecisionTreeRegression {
    constructor(options?: DecisionTreeRegressionOptions);
    root: CartNode;
    train(x: number[][], y: number[]): void;
    predict(x: number[][]): number[];
  }
}

declare module "libsvm-js/asm.js" {
  export interface SvmOptions {
    type?: string;
    kernel?: string;
    gamma?: number;
    cost?: number;
    epsilon?: number;
    tolerance?: number;
    shrinking?: boolean;
    quiet?: boolean;
  }

  export default class SVM {
    static SVM_TYPES: { EPSILON_SVR: string };
    static KERNEL_TYPES: { LINEAR: string; RBF: string };
    constructor(options: SvmOptions);
    train(samples: number[][], labels: number[]): void;
    predictOne(sample: number[]): number;
    getSVIndices(): number[];
    serializeModel(): string;
    /** Frees the model in the emscripten heap, which the garbage collector does not reach. */
    free(): void;
  }
}
