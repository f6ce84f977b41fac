import { formatDate } from "./util";

export function drawReport(data: number[]): void {
  console.log(`report ${formatDate(new Date())}, chartkit ${ChartKit.version}`);
  ChartKit.bar("#sales", data);
}
