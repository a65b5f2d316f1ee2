# html: escape with and without quotes, unescape of named (HTML5, with and without ';'), decimal and hex character references, invalid code points and unknown names
import html

print(html.escape("<a href='x' title=\"y\">&</a>"))
print(html.escape("<q \"x\" 'y'>", quote=False))
print(html.unescape("&lt;p&gt; &amp;amp; &#39; &#x27; &eacute; &notin; &notit; &ampx"))
print(repr(html.unescape("&#0; &#x110000; &#128; &#xD800; &#1114111; &bogus; &amp")))
print(html.unescape("no references"), html.unescape("&AElig;&copy&nbsp;x&frac12;"))
print(len(html.entities.html5), html.entities.name2codepoint["amp"], html.entities.codepoint2name[60])
