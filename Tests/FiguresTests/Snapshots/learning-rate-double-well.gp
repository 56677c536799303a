# gdbench figure (learning-rate sweep): double-well: learning-rate sweep
# from suite fixture, run run, gdbench 0.1.0 (fixture), seed 0000000000000001
# data: learning-rate-double-well.dat
# render: gnuplot learning-rate-double-well.gp  (writes learning-rate-double-well.png)
set terminal pngcairo size 800,600 enhanced font 'DejaVu Sans,11' linewidth 1.2
set output 'learning-rate-double-well.png'
set encoding utf8
set datafile missing '?'
set title 'double-well: learning-rate sweep'
set xlabel 'learning rate η'
set ylabel 'iterations to target 1e-06 (median)'
set grid xtics ytics mxtics mytics lc rgb '#e0e0e0' lw 1, lc rgb '#f0f0f0' lw 0.5
set border 3 lw 1
set tics nomirror out scale 0.6
set linetype 1 lc rgb '#0072B2' lw 2 dt 1 pt 7 ps 0.8
set linetype 2 lc rgb '#D55E00' lw 2 dt 1 pt 7 ps 0.8
set key outside below center horizontal Left reverse maxcols 1 samplen 2.5 spacing 1.1 font ',10'
set logscale x
set format x '10^{%L}'
set logscale y
set format y '10^{%L}'
set xrange [0.03333333333333333:0.15000000000000002]
set offsets 0, 0, graph 0.05, graph 0.05
plot 'learning-rate-double-well.dat' index 0 using 1:2 with linespoints lt 1 title 'sgd'
