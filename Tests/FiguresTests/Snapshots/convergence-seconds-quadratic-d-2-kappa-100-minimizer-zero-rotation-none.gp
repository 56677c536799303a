# gdbench figure (convergence): quadratic[d=2,kappa=100,minimizer=zero,rotation=none,spectrum=linear]: convergence in seconds
# from suite fixture, run run, gdbench 0.1.0 (fixture), seed 0000000000000001
# data: convergence-seconds-quadratic-d-2-kappa-100-minimizer-zero-rotation-none.dat
# render: gnuplot convergence-seconds-quadratic-d-2-kappa-100-minimizer-zero-rotation-none.gp  (writes convergence-seconds-quadratic-d-2-kappa-100-minimizer-zero-rotation-none.png)
set terminal pngcairo size 800,600 enhanced font 'DejaVu Sans,11' linewidth 1.2
set output 'convergence-seconds-quadratic-d-2-kappa-100-minimizer-zero-rotation-none.png'
set encoding utf8
set datafile missing '?'
set title 'quadratic[d=2,kappa=100,minimizer=zero,rotation=none,spectrum=linear]:' . "\n" . 'convergence in seconds'
set xlabel 'seconds'
set ylabel 'f − f* (median, interquartile band)'
set grid xtics ytics mxtics mytics lc rgb '#e0e0e0' lw 1, lc rgb '#f0f0f0' lw 0.5
set border 3 lw 1
set tics nomirror out scale 0.6
set linetype 1 lc rgb '#D55E00' lw 2 dt 1 pt 7 ps 0.8
set linetype 2 lc rgb '#F0E442' lw 2 dt 2 pt 5 ps 0.8
set key outside below center horizontal Left reverse maxcols 1 samplen 2.5 spacing 1.1 font ',10'
set logscale x
set format x '10^{%L}'
set logscale y
set format y '10^{%L}'
set style fill transparent solid 0.18 noborder
plot 'convergence-seconds-quadratic-d-2-kappa-100-minimizer-zero-rotation-none.dat' index 0 using 1:3:4 with filledcurves lt 1 notitle, \
     'convergence-seconds-quadratic-d-2-kappa-100-minimizer-zero-rotation-none.dat' index 0 using 1:2 with lines lt 1 title 'nesterov-constant', \
     'convergence-seconds-quadratic-d-2-kappa-100-minimizer-zero-rotation-none.dat' index 2 using 1:2 with points lt 1 pt 7 ps 1 notitle, \
     'convergence-seconds-quadratic-d-2-kappa-100-minimizer-zero-rotation-none.dat' index 1 using 1:3:4 with filledcurves lt 2 notitle, \
     'convergence-seconds-quadratic-d-2-kappa-100-minimizer-zero-rotation-none.dat' index 1 using 1:2 with lines lt 2 title 'sgd[lr=1/L]', \
     'convergence-seconds-quadratic-d-2-kappa-100-minimizer-zero-rotation-none.dat' index 3 using 1:2 with points lt 2 pt 7 ps 1 notitle
