-- wrk script: what a reader types into the search box, letter by letter: prefixes of lay words, some misspelled.
local words = { "sciatica", "sciatca", "numbness", "numbnes", "tingling", "tinglng", "spasm", "spasam", "cramp", "crmp",
  "back pain", "leg cramps", "foot drop", "pinched nerve", "herniated disc", "hernated disk", "ibuprofen", "gabapentin",
  "restless legs", "muscle guarding", "heat", "stretching", "physical therapy", "when to get help" }
request = function()
  local word = words[math.random(#words)]
  local length = math.random(2, #word)
  return wrk.format("GET", "/search/suggest?q=" .. string.gsub(string.sub(word, 1, length), " ", "+"))
end
