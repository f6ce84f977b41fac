"""assistant: answer people from the index: search, diagnose pasted errors, write cited answers.

    search.py              hybrid search: dense and BM25 evidence, fused (fuse.py, fitted by fusion_fit.py)
    diagnose/              pasted error output -> the archive's error entries, with cause and fix
    answer.py              Assistant.ask -> a Response: the text as it streams, then the checked Answer
    write.py               the answer's text: a model through litellm (llm.py) or the extractive composer
    refusal.py             when the archive does not cover a question (fitted by refusal_fit.py)
    cite.py, guard.py      citations checked against passages; defences around the language model
    markdown.py            Markdown read one way everywhere, and made inert
    prompts.py             every prompt, in one place
    local_model.py         SmolLM2 in-process (local_prompt.py, local_precision.py, local_decode.py, gguf_llama.py)
    evaluate.py, folds.py  scoring against labelled questions; folds that hold whole targets out

It imports embeddings/, ingest/ and khub/, never ui/.
"""
