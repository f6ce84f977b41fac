interface Customer {
  id: string;
  name: string;
  email: string;
  phone: string;
  createdAt: Date;
}

export const draft: Customer = {
  id: "c-1",
  name: "Ana Lima",
};
