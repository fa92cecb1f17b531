// js-yaml 4 exports its built-in types at runtime (`types.merge` etc.); @types/js-yaml omits them.
import 'js-yaml';

declare module 'js-yaml' {
  export const types: { readonly merge: Type };
}
