export function statusText(code: number): string {
  switch (code) {
    case 200:
      console.log("OK");
      break;
    case 404:
      console.log("Not Found");
      break;
  }
}
