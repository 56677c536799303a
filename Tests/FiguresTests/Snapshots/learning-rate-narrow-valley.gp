# gdbench figure (learning-rate sweep): narrow-valley: learning-rate sweep
# from suite fixture, run run, gdbench 0.1.0 (fixture), seed 0000000000000001
# data: learning-rate-narrow-valley.dat
# render: gnuplot learning-rate-narrow-valley.gp  (writes learning-rate-narrow-valley.png)
set terminal pngcairo size 800,600 enhanced font 'DejaVu Sans,11' linewidth 1.2
set output 'learning-rate-narrow-valley.png'
set encoding utf8
set datafile missing '?'
set title 'narrow-valley: learning-rate sweep'
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
set xrange [0.0033333333333333335:0.045]
set offsets 0, 0, graph 0.05, graph 0.05
set arrow from 0.02, graph 0 to 0.02, graph 1 nohead lc rgb '#555555' dt 2 lw 1.5
set label '2/L' at 0.02, graph 0.95 offset 0.5,0 tc rgb '#555555'
plot 'learning-rate-narrow-valley.dat' index 0 using 1:2 with linespoints lt 1 title 'sgd', \
     'learning-rate-narrow-valley.dat' index 1 using 1:2 with points lt 1 pt 2 ps 2 lw 2 notitle, \
     NaN with points pt 2 ps 2 lw 2 lc rgb '#555555' title 'diverged'
