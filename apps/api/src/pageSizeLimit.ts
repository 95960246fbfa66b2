import { type ApolloServerPlugin, HeaderMap } from "@apollo/server";
import type {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLSchema,
  SelectionSetNode,
  ValueNode,
} from "graphql";

import { ApiError } from "./errors/ApiError.js";
import { MAX_PAGE } from "./services/keysetCursor.js";

/** Largest `first` of each field that takes one, by "Type.field"; MAX_PAGE for the others. */
export const PAGE_SIZE_MAXIMA: Readonly<Record<string, number>> = {
  "Query.auditEvents": 1000,
};

/** The parts of a schema type that the walk reads; a wrapper type has ofType instead. */
interface SchemaType {
  name?: string;
  ofType?: SchemaType;
  getFields?: () => Record<string, { type: SchemaType; args: readonly { name: string }[] }>;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/**
 * Rejects an operation that gives any field a `first` outside 1 to the field's maximum, before
 * any resolver runs. graphql-armor's cost limit reads literals only, so a page size given as a
 * variable would pass it; this check reads the variables as execution will. It walks the
 * document by hand: graphql's TypeInfo rejects schema objects built by type-graphql's copy of
 * graphql when tests load this file's copy from source.
 */
export function pageSizeLimit(): ApolloServerPlugin {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ schema, document, operation, request }) => {
        const fragments = new Map(
          document.definitions.flatMap((definition) =>
            definition.kind === "FragmentDefinition"
              ? [[definition.name.value, definition] as const]
              : [],
          ),
        );
        const root =
          operation?.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
        if (operation && root) {
          const walk = { schema, fragments, variables: request.variables ?? {} };
          checkSelections(walk, root as SchemaType, operation.selectionSet);
        }
      },
    }),
  };
}

function checkSelections(walk: Walk, type: SchemaType, selectionSet: SelectionSetNode): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === "Field") {
      checkField(walk, type, selection);
    } else {
      const fragment =
        selection.kind === "FragmentSpread" ? walk.fragments.get(selection.name.value) : selection;
      const condition = fragment?.typeCondition?.name.value;
      const fragmentType = condition ? (walk.schema.getType(condition) as SchemaType) : type;
      if (fragment && fragmentType) {
        checkSelections(walk, fragmentType, fragment.selectionSet);
      }
    }
  }
}

function checkField(walk: Walk, parent: SchemaType, node: FieldNode): void {
  const field = parent.getFields?.()[node.name.value];
  if (!field) {
    return;
  }

  const path = `${parent.name ?? ""}.${node.name.value}`;
  const first = node.arguments?.find((argument) => argument.name.value === "first");
  const value = first ? readInt(first.value, walk.variables) : undefined;
  const maximum = PAGE_SIZE_MAXIMA[path] ?? MAX_PAGE;
  if (value !== undefined && (value < 1 || value > maximum)) {
    throw ApiError.badInput(
      `first must be an integer from 1 to ${maximum} for ${path}, got ${value}; ` +
        "follow pageInfo.endCursor with after for more",
      { argument: "first", value, maximum, http: { status: 400, headers: new HeaderMap() } },
    );
  }

  if (node.selectionSet) {
    checkSelections(walk, namedType(field.type), node.selectionSet);
  }
}

/** Reads the number of a literal or a variable; undefined for anything else, which graphql rejects. */
function readInt(value: ValueNode, variables: Record<string, unknown>): number | undefined {
  const variable = value.kind === "Variable" ? variables[value.name.value] : undefined;
  if (typeof variable === "number") {
    return variable;
  }

  return value.kind === "IntValue" ? Number(value.value) : undefined;
}

function namedType(type: SchemaType): SchemaType {
  return type.ofType ? namedType(type.ofType) : type;
}
