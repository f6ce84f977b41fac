// Shows the status from whichever region answers first.
const regions = ['/eu/status.json', '/us/status.json'];

Promise.any(regions.map((path) => fetch(path).then((res) => {
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return res.json();
}))).then((status) => {
  document.getElementById('status').textContent = status.summary;
});
