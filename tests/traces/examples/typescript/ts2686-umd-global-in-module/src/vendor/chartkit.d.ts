// vendored typings of a UMD charting library (loaded with a <script> tag on legacy pages)
export declare function bar(el: string, data: number[]): void;
export declare const version: string;
export as namespace ChartKit;
