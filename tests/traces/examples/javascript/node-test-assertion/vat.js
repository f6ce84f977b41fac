function addVat(net, rate = 0.21) {
  return Math.round(net * (1 + rate) * 100) / 100;
}
module.exports = { addVat };
