# gdbench figure (convergence): narrow-valley: convergence in iterations
# from suite fixture, run run, gdbench 0.1.0 (fixture), seed 0000000000000001
# data: convergence-iterations-narrow-valley.dat
# render: gnuplot convergence-iterations-narrow-valley.gp  (writes convergence-iterations-narrow-valley.png)
set terminal pngcairo size 800,600 enhanced font 'DejaVu Sans,11' linewidth 1.2
set output 'convergence-iterations-narrow-valley.png'
set encoding utf8
set datafile missing '?'
set title 'narrow-valley: convergence in iterations'
set xlabel 'iterations'
set ylabel 'f − f* (median, interquartile band)'
set grid xtics ytics mxtics mytics lc rgb '#e0e0e0' lw 1, lc rgb '#f0f0f0' lw 0.5
set border 3 lw 1
set tics nomirror out scale 0.6
set linetype 1 lc rgb '#E69F00' lw 2 dt 1 pt 7 ps 0.8
set linetype 2 lc rgb '#CC79A7' lw 2 dt 1 pt 7 ps 0.8
set linetype 3 lc rgb '#56B4E9' lw 2 dt 1 pt 7 ps 0.8
set linetype 4 lc rgb '#000000' lw 2 dt 1 pt 7 ps 0.8
set linetype 5 lc rgb '#F0E442' lw 2 dt 1 pt 7 ps 0.8
set linetype 6 lc rgb '#0072B2' lw 2 dt 2 pt 5 ps 0.8
set linetype 7 lc rgb '#D55E00' lw 2 dt 2 pt 5 ps 0.8
set linetype 8 lc rgb '#009E73' lw 2 dt 2 pt 5 ps 0.8
set key outside below center horizontal Left reverse maxcols 1 samplen 2.5 spacing 1.1 font ',10'
set logscale x
set format x '10^{%L}'
set logscale y
set format y '10^{%L}'
set style fill transparent solid 0.18 noborder
plot 'convergence-iterations-narrow-valley.dat' index 0 using 1:3:4 with filledcurves lt 1 notitle, \
     'convergence-iterations-narrow-valley.dat' index 0 using 1:2 with lines lt 1 title 'sgd[lr=0.005]', \
     'convergence-iterations-narrow-valley.dat' index 8 using 1:2 with points lt 1 pt 7 ps 1 notitle, \
     'convergence-iterations-narrow-valley.dat' index 1 using 1:3:4 with filledcurves lt 2 notitle, \
     'convergence-iterations-narrow-valley.dat' index 1 using 1:2 with lines lt 2 title 'sgd[lr=0.015]', \
     'convergence-iterations-narrow-valley.dat' index 9 using 1:2 with points lt 2 pt 7 ps 1 notitle, \
     'convergence-iterations-narrow-valley.dat' index 2 using 1:3:4 with filledcurves lt 3 notitle, \
     'convergence-iterations-narrow-valley.dat' index 2 using 1:2 with lines lt 3 title 'sgd[lr=0.019,schedule=cosine[t-max=400]]', \
     'convergence-iterations-narrow-valley.dat' index 10 using 1:2 with points lt 3 pt 7 ps 1 notitle, \
     'convergence-iterations-narrow-valley.dat' index 3 using 1:3:4 with filledcurves lt 4 notitle, \
     'convergence-iterations-narrow-valley.dat' index 3 using 1:2 with lines lt 4 title 'sgd[lr=0.019,schedule=step[gamma=0.5,step-size=100]]', \
     'convergence-iterations-narrow-valley.dat' index 11 using 1:2 with points lt 4 pt 7 ps 1 notitle, \
     'convergence-iterations-narrow-valley.dat' index 4 using 1:3:4 with filledcurves lt 5 notitle, \
     'convergence-iterations-narrow-valley.dat' index 4 using 1:2 with lines lt 5 title 'sgd[lr=0.019]', \
     'convergence-iterations-narrow-valley.dat' index 12 using 1:2 with points lt 5 pt 7 ps 1 notitle, \
     'convergence-iterations-narrow-valley.dat' index 5 using 1:3:4 with filledcurves lt 6 notitle, \
     'convergence-iterations-narrow-valley.dat' index 5 using 1:2 with lines lt 6 title 'sgd[lr=0.01]', \
     'convergence-iterations-narrow-valley.dat' index 13 using 1:2 with points lt 6 pt 7 ps 1 notitle, \
     'convergence-iterations-narrow-valley.dat' index 6 using 1:3:4 with filledcurves lt 7 notitle, \
     'convergence-iterations-narrow-valley.dat' index 6 using 1:2 with lines lt 7 title 'sgd[lr=0.021]', \
     'convergence-iterations-narrow-valley.dat' index 14 using 1:2 with points lt 7 pt 7 ps 1 notitle, \
     'convergence-iterations-narrow-valley.dat' index 7 using 1:3:4 with filledcurves lt 8 notitle, \
     'convergence-iterations-narrow-valley.dat' index 7 using 1:2 with lines lt 8 title 'sgd[lr=0.03]', \
     'convergence-iterations-narrow-valley.dat' index 15 using 1:2 with points lt 8 pt 7 ps 1 notitle
