class User {
  constructor(name, email) {
    this.name = name;
    this.email = email;
  }

  set email(value) {
    this.email = value.trim().toLowerCase();
  }

  get email() {
    return this._email;
  }
}

const u = new User('Mia', ' Mia@Example.com ');
console.log(u.email);
