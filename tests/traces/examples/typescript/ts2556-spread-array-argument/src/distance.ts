function distance(lat1: number, lon1: number, lat2: number, lon2: number): number {
  return Math.hypot(lat2 - lat1, lon2 - lon1);
}

const coords = "52.52,13.40,48.85,2.35".split(",").map(Number);
console.log(distance(...coords));
export {};
