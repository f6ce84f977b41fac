class Modal {
  constructor(selector) {
    this.el = document.querySelector(selector);
  }
  open() {
    this.el.hidden = false;
  }
}
