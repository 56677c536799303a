# gdbench figure (data-profile): data profile (target 1e-06)
# from suite fixture, run run, gdbench 0.1.0 (fixture), seed 0000000000000001
# data: data-profile.dat
# render: gnuplot data-profile.gp  (writes data-profile.png)
set terminal pngcairo size 1120,1080 enhanced font 'DejaVu Sans,11' linewidth 1.2
set output 'data-profile.png'
set encoding utf8
set datafile missing '?'
set xlabel 'budget α in units of d + 1 gradient evaluations'
set ylabel 'fraction of problems solved'
set grid xtics ytics mxtics mytics lc rgb '#e0e0e0' lw 1, lc rgb '#f0f0f0' lw 0.5
set border 3 lw 1
set tics nomirror out scale 0.6
set linetype 1 lc rgb '#0072B2' lw 2 dt 1 pt 7 ps 0.8
set linetype 2 lc rgb '#D55E00' lw 2 dt 1 pt 7 ps 0.8
set linetype 3 lc rgb '#009E73' lw 2 dt 1 pt 7 ps 0.8
set linetype 4 lc rgb '#E69F00' lw 2 dt 1 pt 7 ps 0.8
set linetype 5 lc rgb '#CC79A7' lw 2 dt 1 pt 7 ps 0.8
set linetype 6 lc rgb '#56B4E9' lw 2 dt 1 pt 7 ps 0.8
set linetype 7 lc rgb '#000000' lw 2 dt 1 pt 7 ps 0.8
set linetype 8 lc rgb '#F0E442' lw 2 dt 1 pt 7 ps 0.8
set linetype 9 lc rgb '#0072B2' lw 2 dt 2 pt 5 ps 0.8
set linetype 10 lc rgb '#D55E00' lw 2 dt 2 pt 5 ps 0.8
set linetype 11 lc rgb '#009E73' lw 2 dt 2 pt 5 ps 0.8
set linetype 12 lc rgb '#E69F00' lw 2 dt 2 pt 5 ps 0.8
set linetype 13 lc rgb '#CC79A7' lw 2 dt 2 pt 5 ps 0.8
set linetype 14 lc rgb '#56B4E9' lw 2 dt 2 pt 5 ps 0.8
set linetype 15 lc rgb '#000000' lw 2 dt 2 pt 5 ps 0.8
set linetype 16 lc rgb '#F0E442' lw 2 dt 2 pt 5 ps 0.8
set key outside below center horizontal Left reverse maxcols 2 samplen 2.5 spacing 1.1 font ',8'
set logscale x
set format x '10^{%L}'
set xrange [0.5:2762]
set yrange [0:1.02]
set table $ranges
unset key
plot 'data-profile.dat' index 0 using 1:2 with steps lt 1 title 'adam[lr=0.01]', \
     'data-profile.dat' index 1 using 1:2 with steps lt 2 title 'nesterov-constant', \
     'data-profile.dat' index 2 using 1:2 with steps lt 3 title 'newton', \
     'data-profile.dat' index 3 using 1:2 with steps lt 4 title 'sgd[lr=0.005]', \
     'data-profile.dat' index 4 using 1:2 with steps lt 5 title 'sgd[lr=0.015]', \
     'data-profile.dat' index 5 using 1:2 with steps lt 6 title 'sgd[lr=0.019,schedule=cosine[t-max=400]]', \
     'data-profile.dat' index 6 using 1:2 with steps lt 7 title 'sgd[lr=0.019,schedule=step[gamma=0.5,step-size=100]]', \
     'data-profile.dat' index 7 using 1:2 with steps lt 8 title 'sgd[lr=0.019]', \
     'data-profile.dat' index 8 using 1:2 with steps lt 9 title 'sgd[lr=0.01]', \
     'data-profile.dat' index 9 using 1:2 with steps lt 10 title 'sgd[lr=0.021]', \
     'data-profile.dat' index 10 using 1:2 with steps lt 11 title 'sgd[lr=0.03]', \
     'data-profile.dat' index 11 using 1:2 with steps lt 12 title 'sgd[lr=0.05]', \
     'data-profile.dat' index 12 using 1:2 with steps lt 13 title 'sgd[lr=0.18]', \
     'data-profile.dat' index 13 using 1:2 with steps lt 14 title 'sgd[lr=0.1]', \
     'data-profile.dat' index 14 using 1:2 with steps lt 15 title 'sgd[lr=0.5]', \
     'data-profile.dat' index 15 using 1:2 with steps lt 16 title 'sgd[lr=1/L]'
unset table
set xrange [GPVAL_X_MIN:GPVAL_X_MAX]
set yrange [GPVAL_Y_MIN:GPVAL_Y_MAX]
set multiplot layout 2,2 title 'data profile (target 1e-06)' font ',12'
set title 'adam, nesterov-constant, newton'
set key outside below center vertical Left reverse maxcols 1 samplen 2.5 spacing 1.1 font ',10'
plot 'data-profile.dat' index 0 using 1:2 with steps lt 1 title 'adam[lr=0.01]', \
     'data-profile.dat' index 1 using 1:2 with steps lt 2 title 'nesterov-constant', \
     'data-profile.dat' index 2 using 1:2 with steps lt 3 title 'newton'
set title 'sgd[lr=…'
set key outside below center vertical Left reverse maxcols 1 samplen 2.5 spacing 1.1 font ',10'
plot 'data-profile.dat' index 3 using 1:2 with steps lt 4 title '…0.005]', \
     'data-profile.dat' index 4 using 1:2 with steps lt 5 title '…0.015]', \
     'data-profile.dat' index 5 using 1:2 with steps lt 6 title '…0.019,schedule=cosine[t-max=400]]', \
     'data-profile.dat' index 6 using 1:2 with steps lt 7 title '…0.019,schedule=step[gamma=0.5,step-size=100]]', \
     'data-profile.dat' index 7 using 1:2 with steps lt 8 title '…0.019]', \
     'data-profile.dat' index 8 using 1:2 with steps lt 9 title '…0.01]', \
     'data-profile.dat' index 9 using 1:2 with steps lt 10 title '…0.021]'
set title 'sgd (2/2)'
set key outside below center vertical Left reverse maxcols 1 samplen 2.5 spacing 1.1 font ',10'
plot 'data-profile.dat' index 10 using 1:2 with steps lt 11 title 'sgd[lr=0.03]', \
     'data-profile.dat' index 11 using 1:2 with steps lt 12 title 'sgd[lr=0.05]', \
     'data-profile.dat' index 12 using 1:2 with steps lt 13 title 'sgd[lr=0.18]', \
     'data-profile.dat' index 13 using 1:2 with steps lt 14 title 'sgd[lr=0.1]', \
     'data-profile.dat' index 14 using 1:2 with steps lt 15 title 'sgd[lr=0.5]', \
     'data-profile.dat' index 15 using 1:2 with steps lt 16 title 'sgd[lr=1/L]'
unset multiplot
