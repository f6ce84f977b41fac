export declare const enum Level {
  Debug = 10,
  Info = 20,
  Warn = 30,
}
