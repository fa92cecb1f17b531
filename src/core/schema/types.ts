/** The shape of the generated schema subset (k8s.generated.ts). */
export type Primitive = 'i32' | 'i64' | 'num' | 'bool' | 'str' | 'ios' | 'qty' | 'any';
/** A primitive token (see Primitive) or a definition name, or an inline array or map. */
export type TypeRef = string | { readonly a: TypeRef } | { readonly m: TypeRef };
/** Properties of a strict object, or an alias of another type. */
export type Definition = Readonly<Record<string, TypeRef>>;

export interface SchemaData {
  /** `apiVersion/kind` → definition name. */
  readonly roots: Readonly<Record<string, string>>;
  readonly defs: Readonly<Record<string, Definition>>;
}
