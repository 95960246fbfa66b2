import type { CartNode } from "ml-cart";

import type { RegressionTree } from "../artifact/ModelArtifact.js";

/**
 * Copies a trained ml-cart tree into flat arrays. `columns` maps the tree's column
 * numbers to feature numbers, for trees trained on a permutation of the features.
 */
export function flattenCartTree(root: CartNode, columns?: readonly number[]): RegressionTree {
  const tree: RegressionTree = { feature: [], threshold: [], left: [], right: [], value: [] };
  const add = (node: CartNode): number => {
    const index = tree.feature.length;
    const { left, right, splitColumn = -1, splitValue = 0 } = node;
    const isLeaf = left === undefined || right === undefined;
    tree.feature.push(isLeaf ? -1 : (columns?.[splitColumn] ?? splitColumn));
    tree.threshold.push(isLeaf ? 0 : splitValue);
    tree.value.push(isLeaf ? (node.distribution ?? NaN) : 0);
    tree.left.push(-1);
    tree.right.push(-1);
    if (!isLeaf) {
      tree.left[index] = add(left);
      tree.right[index] = add(right);
    }

    return index;
  };

  add(root);

  return tree;
}
