export interface ToggleLabels {
  [enabled: boolean]: string;
}

export const labels: ToggleLabels = { true: "On", false: "Off" } as any;
