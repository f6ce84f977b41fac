interface DraftSettings {
  theme: string;
  language?: string;
}

interface SavedSettings {
  theme: string;
  language: string;
}

export function persist(draft: DraftSettings): SavedSettings {
  const saved: SavedSettings = draft;
  return saved;
}
