// Downloads the GeoIP database from whichever mirror answers first.
const mirrors = [
  'http://127.0.0.1:4611/geoip/latest.mmdb',
  'http://127.0.0.1:4612/geoip/latest.mmdb',
  'http://127.0.0.1:4613/geoip/latest.mmdb',
];

const res = await Promise.any(mirrors.map((url) => fetch(url)));
console.log('downloading from', res.url);
