# Null means of the graph of TestAgainstNetworkx (configurationModel(3, 600, 2.3, 2),
# its arcs in arcs.csv: from,to,weight) with networkx 3.6.1: directed_edge_swap and
# double_edge_swap (5 m swaps made, 40 draws), louvain_communities unweighted.
# Run from this folder: python3 networkx_check.py. Output (networkx 3.6.1):
#   observed: reciprocity 0.2526 modularity 0.3521 clustering 0.1240 kcore 8
#   reciprocity null 0.0663 ± 0.0065
#   modularity null 0.3556 ± 0.0038
#   clustering null 0.1406 ± 0.0082
#   kcore null 7.6750 ± 0.5723
import networkx as nx, random, statistics as st
arcs=[tuple(map(float,l.split(','))) for l in open('arcs.csv')]
D=nx.DiGraph(); D.add_edges_from((int(a),int(b)) for a,b,w in arcs)
U=nx.Graph(D.to_undirected())
def q(G,seed): 
    c=nx.community.louvain_communities(G,seed=seed,weight=None)
    return nx.community.modularity(G,c,weight=None)
print("observed: reciprocity %.4f modularity %.4f clustering %.4f kcore %d" % (nx.overall_reciprocity(D), q(U,1), nx.average_clustering(U), max(nx.core_number(U).values())))
rec=[];mod=[];clu=[];kc=[]
m=D.number_of_edges(); mu=U.number_of_edges()
for i in range(40):
    d=D.copy(); nx.directed_edge_swap(d,nswap=5*m,max_tries=100*m,seed=i); rec.append(nx.overall_reciprocity(d))
    u=U.copy(); nx.double_edge_swap(u,nswap=5*mu,max_tries=100*mu,seed=i); mod.append(q(u,i)); clu.append(nx.average_clustering(u)); kc.append(max(nx.core_number(u).values()))
for n,x in (("reciprocity",rec),("modularity",mod),("clustering",clu),("kcore",kc)):
    print("%s null %.4f ± %.4f" % (n, st.mean(x), st.stdev(x)))
