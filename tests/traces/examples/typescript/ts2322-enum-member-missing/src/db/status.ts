export enum Status {
  Active,
  Suspended,
}
