/**
 * PRV-3: the rules of classifying a provider by category and type. Pure: the service looks up the
 * registry inside its transaction and applies these; the unit tests prove each rule.
 */
export interface Classification {
  categoryCode: string | null;
  typeCode: string | null;
}

export interface RegisteredCategory {
  code: string;
  active: boolean;
  /** The codes of the category's types. */
  typeCodes: readonly string[];
}

export type ClassificationRefusal =
  /** 400: the request names something the registry does not have. */
  | { kind: 'unknown'; field: 'categoryCode'; message: string }
  /** 422 naming PRV-3: the request is well formed but breaks the rule. */
  | { kind: 'rule'; field: 'categoryCode' | 'typeCode'; message: string };

/**
 * PRV-3: may the provider, classified as `current`, be classified as `requested`? `category` is
 * the requested category as registered (null: no such category, or none requested).
 * - a type is a sub-classification of a category: no type without a category, and the type must
 *   be one of that category's types;
 * - an inactive category cannot be newly assigned (a provider that already has it keeps it, and
 *   may still change its type within it).
 */
export function refuseClassification(
  current: Classification,
  requested: Classification,
  category: RegisteredCategory | null,
): ClassificationRefusal | null {
  if (requested.categoryCode === null) {
    return requested.typeCode === null
      ? null
      : {
          kind: 'rule',
          field: 'typeCode',
          message: `PRV-3: type "${requested.typeCode}" needs a category; a type is a sub-classification of a category`,
        };
  }
  if (!category || category.code !== requested.categoryCode) {
    return {
      kind: 'unknown',
      field: 'categoryCode',
      message: `no provider category with code "${requested.categoryCode}"`,
    };
  }
  if (!category.active && current.categoryCode !== category.code) {
    return {
      kind: 'rule',
      field: 'categoryCode',
      message: `PRV-3: category "${category.code}" is inactive and cannot be newly assigned`,
    };
  }
  if (requested.typeCode !== null && !category.typeCodes.includes(requested.typeCode)) {
    return {
      kind: 'rule',
      field: 'typeCode',
      message: `PRV-3: type "${requested.typeCode}" is not a type of category "${category.code}"`,
    };
  }
  return null;
}

export function sameClassification(a: Classification, b: Classification): boolean {
  return a.categoryCode === b.categoryCode && a.typeCode === b.typeCode;
}
