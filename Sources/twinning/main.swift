import TwinningCore
print("twinning")
