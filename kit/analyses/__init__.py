"""The three questions, over prepared text: chronology (dates and events), voices and tone (who is quoted, how they
sound), themes (weighted dictionaries, keyness, keyword in context, concordance, collocates, formulas), and the
shared pieces they use (sentiment, the diplomatic lexicon, intervals, the corpus overview).
"""
