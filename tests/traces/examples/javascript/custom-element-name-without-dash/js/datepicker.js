class DatePicker extends HTMLElement {
  connectedCallback() {
    this.innerHTML = '<input type="date">';
  }
}

customElements.define('datepicker', DatePicker);
