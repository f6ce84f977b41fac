type LatLng = { lat: number; lng: number };

function inside(p: LatLng, center: LatLng, radiusKm: number): boolean {
  return Math.hypot(p.lat - center.lat, p.lng - center.lng) * 111 < radiusKm;
}

const office = { lat: 52.52, lng: 13.4 };
console.log(inside([52.5, 13.39], office, 2));
export {};
