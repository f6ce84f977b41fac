// generated from the API schema
export enum Status {
  Active,
  Suspended,
  Deleted,
}
