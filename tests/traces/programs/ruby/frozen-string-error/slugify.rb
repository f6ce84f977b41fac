# frozen_string_literal: true

DEFAULT_TITLE = 'Untitled'

def draft_title(title)
  t = title || DEFAULT_TITLE
  t << ' (draft)'
end

puts draft_title(+'Release notes 3.2')
puts draft_title(nil)
