class Element:
    pass

el = Element()
el.class = "button primary"
