"""Text out of the articles: publisher furniture removed and logged (clean), sentences and tokens with offsets
(text, the one module that imports nltk), prepare() chaining them (pipeline), and the one dictionary matcher
(lookup, wordtrie, wordstart).
"""
