import { Column } from "./decorators";

export class User {
  @Column
  email: string = "";
}
