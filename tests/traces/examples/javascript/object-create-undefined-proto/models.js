const BaseModel = {
  save() {
    console.log('saving', this.table);
  },
};

function extend(parent, props) {
  return Object.assign(Object.create(parent.prototype), props);
}

const Order = extend(BaseModel, { table: 'orders' });
Order.save();
