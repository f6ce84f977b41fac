export function Column(target: object, propertyKey: string, options: { nullable: boolean }) {
  console.log("column", propertyKey, options.nullable);
}
