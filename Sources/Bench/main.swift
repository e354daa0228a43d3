print("twinning-bench: see README")
