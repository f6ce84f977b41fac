type Field = "email" | "password";

export type FormState = {
  [K in Field]: string;
  submitting: boolean;
};
