import { slugify } from "../util/slugify";

export function noteUrl(title: string): string {
  return `/notes/${slugify(title)}`;
}
