import kebabCase from 'lodash.kebabcase';

export function slugFor(title: string, id: number): string {
  return `${kebabCase(title)}-${id}`;
}
