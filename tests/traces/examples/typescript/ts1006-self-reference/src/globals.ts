/// <reference path="./globals.ts" />
declare var APP_VERSION: string;
console.log(APP_VERSION);
