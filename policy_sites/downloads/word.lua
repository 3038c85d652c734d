-- pandoc filter for the Word file (word.py): an example box, as Material renders `!!! example "Titel"`,
-- becomes paragraphs in the style "Kader" (a Word style the organisation can change) with its title
-- in bold. pandoc's HTML reader drops a paragraph's class, so full_policy.py hands the title over as
-- a div of class "admonition-title".
function Div(div)
  if div.classes:includes("admonition-title") then
    return pandoc.Para({pandoc.Strong(pandoc.utils.blocks_to_inlines(div.content))})
  end
  if div.classes:includes("admonition") then
    div.attributes["custom-style"] = "Kader"
    return div
  end
end
