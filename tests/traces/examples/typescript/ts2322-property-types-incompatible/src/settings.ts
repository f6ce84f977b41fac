interface DraftSettings {
  theme: string;
  language?: string;
}

interface SavedSettings {
  theme: string;
  language: string;
}

export function save(draft: DraftSettings): SavedSettings {
  const saved: SavedSettings = draft;
  return saved;
}
