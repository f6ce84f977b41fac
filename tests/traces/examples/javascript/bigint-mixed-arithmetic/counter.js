// Reads the page-view counter (stored as BIGINT, returned as BigInt) and adds today's views.
function readCounter() {
  return BigInt('48213377901');
}

const todaysViews = 1250;
const total = readCounter() + todaysViews;
console.log(`total page views: ${total}`);
