"""Votes on statements (Pol.is): the participant x statement matrix, opinion groups, consensus and division.

``matrix`` reads a Pol.is export's vote files into one matrix; ``groups`` places participants in
opinion groups the way Pol.is does (PCA of the matrix, then k-means with k chosen by silhouette);
``statements`` says, per statement and group, how people voted, which statements every group
agrees on (consensus) and which split the groups (divisive), and what sets each group apart.
"""

from consultnlp.votes.groups import OpinionGroups, opinion_groups
from consultnlp.votes.matrix import VoteMatrix, read_vote_matrix
from consultnlp.votes.statements import group_statements, statement_votes

__all__ = ["OpinionGroups", "VoteMatrix", "group_statements", "opinion_groups", "read_vote_matrix", "statement_votes"]
